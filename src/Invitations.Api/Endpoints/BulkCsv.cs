using System.Text;
using Invitations.Api.ErrorHandling;
using Invitations.Application.Invitations.CreateInvitationsInBulk;

namespace Invitations.Api.Endpoints;

/// <summary>
/// The CSV form of a bulk request (RFC 4180): UTF-8 with or without a BOM, CRLF or LF, quoted fields (which may hold commas,
/// quotes doubled, and line breaks), a header row naming any of <see cref="Columns"/> in any order. Empty lines are skipped; an
/// empty field is an absent value, so the defaults apply to it. The row past
/// <see cref="CreateInvitationsInBulkCommand.MaxRows"/> ends the reading: nothing after it is decoded or parsed.
/// </summary>
internal static class BulkCsv
{
    public const string MediaType = "text/csv";

    private static readonly string[] Columns = ["email", "role", "first_name", "last_name", "team", "locale"];
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static async Task<IReadOnlyList<BulkInvitationRow>> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        // Decoded as it is parsed, so nothing past the row that ends the reading is looked at, not even its bytes.
        using var text = new StreamReader(new MemoryStream(await BulkBody.ReadAsync(request, cancellationToken)), StrictUtf8, false);
        try
        {
            if (text.Peek() == '\uFEFF')
            {
                text.Read();
            }

            return Rows(CsvRecords.Read(text));
        }
        catch (DecoderFallbackException)
        {
            throw new UnreadableBodyException("The CSV file is not valid UTF-8.");
        }
    }

    private static List<BulkInvitationRow> Rows(IEnumerable<(int Line, List<string> Fields)> records)
    {
        using var all = records.GetEnumerator();
        if (!all.MoveNext())
        {
            throw new UnreadableBodyException($"The CSV file is empty; its first line names the columns ({string.Join(",", Columns)}).");
        }

        var header = Header(all.Current.Fields);
        var rows = new List<BulkInvitationRow>();
        while (all.MoveNext())
        {
            if (rows.Count == CreateInvitationsInBulkCommand.MaxRows)
            {
                throw BulkBody.TooManyRows();
            }

            var (line, fields) = all.Current;
            string? Field(string column) =>
                header.TryGetValue(column, out var at) && at < fields.Count && fields[at].Length > 0 ? fields[at] : null;
            rows.Add(new BulkInvitationRow(
                Field("email"), Field("role"), Field("first_name"), Field("last_name"), Field("team"),
                Line: line,
                Locale: Field("locale"),
                Unreadable: fields.Count > header.Count ? $"The row has {fields.Count} fields; the header names {header.Count}." : null));
        }

        return rows;
    }

    private static Dictionary<string, int> Header(List<string> names)
    {
        var header = new Dictionary<string, int>();
        for (var at = 0; at < names.Count; at++)
        {
            var name = names[at].Trim().ToLowerInvariant();
            if (!Columns.Contains(name))
            {
                throw new UnreadableBodyException(
                    $"The CSV header names an unknown column '{names[at].Trim()}'; the columns are {string.Join(", ", Columns)}.");
            }

            if (!header.TryAdd(name, at))
            {
                throw new UnreadableBodyException($"The CSV header names the column '{name}' twice.");
            }
        }

        return header.ContainsKey("email") ? header : throw new UnreadableBodyException("The CSV header must name an 'email' column.");
    }
}
