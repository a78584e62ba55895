using System.Globalization;
using System.Text;
using Invitations.Api.ErrorHandling;

namespace Invitations.Api.Endpoints;

/// <summary>
/// RFC 4180 records, read lazily from the text: a record is parsed only when asked for, so a reader that stops early never
/// meets what follows. CRLF, LF or CR; quoted fields may hold commas, doubled quotes and line breaks.
/// </summary>
internal static class CsvRecords
{
    /// <summary>The records of the file with the physical line each starts on (the first line is 1); empty lines are skipped.</summary>
    public static IEnumerable<(int Line, List<string> Fields)> Read(TextReader text)
    {
        var line = 1;
        while (text.Peek() >= 0)
        {
            var start = line;
            var fields = new List<string>();
            var field = new StringBuilder();
            var quoted = false;
            var wasQuoted = false;
            for (var c = text.Read(); c >= 0; c = text.Read())
            {
                if (quoted)
                {
                    if (c == '"' && text.Peek() == '"')
                    {
                        field.Append('"');
                        text.Read();
                    }
                    else if (c == '"')
                    {
                        quoted = false;
                    }
                    else
                    {
                        line += c == '\n' || (c == '\r' && text.Peek() != '\n') ? 1 : 0;
                        field.Append((char)c);
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
                    if (c == '\r' && text.Peek() == '\n')
                    {
                        text.Read();
                    }

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
                    field.Append((char)c);
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
