using System.Globalization;
using System.Text;
using Invitations.Api.ErrorHandling;
using Invitations.Application.Invitations.CreateInvitationsInBulk;

namespace Invitations.Api.Endpoints;

/// <summary>
/// The CSV form of a bulk request (RFC 4180): UTF-8 with or without a BOM, CRLF or LF, quoted fields (which may hold commas,
/// quotes doubled, and line breaks), a header row naming any of <see cref="Columns"/> in any order. Empty lines are skipped; an
/// empty field is an absent value, so the defaults apply to it.
/// </summary>
internal static class BulkCsv
{
    public const string MediaType = "text/csv";

    private static readonly string[] Columns = ["email", "role", "first_name", "last_name", "team"];
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static async Task<IReadOnlyList<BulkInvitationRow>> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, cancellationToken);
        string text;
        try
        {
            text = StrictUtf8.GetString(body.GetBuffer(), 0, (int)body.Length);
        }
        catch (DecoderFallbackException)
        {
            throw new UnreadableBodyException("The CSV file is not valid UTF-8.");
        }

        return Rows(Records(text.TrimStart('\uFEFF')));
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
            var (line, fields) = all.Current;
            string? Field(string column) =>
                header.TryGetValue(column, out var at) && at < fields.Count && fields[at].Length > 0 ? fields[at] : null;
            rows.Add(new BulkInvitationRow(
                Field("email"), Field("role"), Field("first_name"), Field("last_name"), Field("team"),
                Line: line,
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

    /// <summary>The records of the file with the physical line each starts on (the first line is 1); empty lines are skipped.</summary>
    private static IEnumerable<(int Line, List<string> Fields)> Records(string text)
    {
        var line = 1;
        var at = 0;
        while (at < text.Length)
        {
            var start = line;
            var fields = new List<string>();
            var field = new StringBuilder();
            var quoted = false;
            var wasQuoted = false;
            for (; at < text.Length; at++)
            {
                var c = text[at];
                if (quoted)
                {
                    if (c == '"' && at + 1 < text.Length && text[at + 1] == '"')
                    {
                        field.Append('"');
                        at++;
                    }
                    else if (c == '"')
                    {
                        quoted = false;
                    }
                    else
                    {
                        line += c == '\n' || (c == '\r' && (at + 1 == text.Length || text[at + 1] != '\n')) ? 1 : 0;
                        field.Append(c);
                    }
                }
                else if (c == '"' && field.Length == 0 && !wasQuoted)
                {
                    quoted = wasQuoted = true;
                }
                else if (c == ',')
                {
                    fields.Add(field.ToString());
                    field.Clear();
                    wasQuoted = false;
                }
                else if (c is '\r' or '\n')
                {
                    at += c == '\r' && at + 1 < text.Length && text[at + 1] == '\n' ? 2 : 1;
                    line++;
                    break;
                }
                else if (wasQuoted)
                {
                    throw new UnreadableBodyException(
                        string.Create(CultureInfo.InvariantCulture, $"CSV line {line}: text after a closing quote; a quote inside a quoted field is written twice (\"\")."));
                }
                else
                {
                    field.Append(c);
                }
            }

            if (quoted)
            {
                throw new UnreadableBodyException(
                    string.Create(CultureInfo.InvariantCulture, $"CSV line {start}: a quoted field is not closed."));
            }

            fields.Add(field.ToString());
            if (fields is not [""] || wasQuoted)
            {
                yield return (start, fields);
            }
        }
    }
}
