using System.Collections.Concurrent;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Invitations.Infrastructure.Persistence;

/// <summary>
/// A hand-written statement file (<see cref="SqlText"/>) as Npgsql runs it cheapest: split into its statements, each with
/// positional parameters (<c>$1</c>…), once per process. A command with named parameters is parsed and rewritten by Npgsql on
/// every execution: for the create's statement that was a twentieth of the API's CPU per create (build/benchmarks.md). The file
/// keeps its names, so it still reads as SQL; this handles what those files use: <c>--</c> and <c>/* */</c> comments, quoted
/// strings and identifiers, and no dollar quoting.
/// </summary>
internal sealed class PositionalBatch
{
    private static readonly ConcurrentDictionary<string, PositionalBatch> Parsed = new();

    private PositionalBatch(IReadOnlyList<Statement> statements) => Statements = statements;

    /// <summary>Each statement's text with positional parameters, and the names its <c>$1</c>, <c>$2</c>… stand for.</summary>
    public IReadOnlyList<Statement> Statements { get; }

    public static PositionalBatch Of<TOwner>(string name) =>
        Parsed.GetOrAdd($"{typeof(TOwner).Namespace}.{name}", _ => Parse(SqlText.Of<TOwner>(name)));

    /// <summary>The statements as one batch on the context's connection (opened if need be), in its transaction if one is running.</summary>
    public async Task<NpgsqlBatch> BatchAsync(DbContext db, SqlParameters parameters, CancellationToken cancellationToken)
    {
        var connection = await db.OpenNpgsqlConnectionAsync(cancellationToken);
        var batch = new NpgsqlBatch(connection) { Transaction = (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction() };
        var used = new HashSet<string>();
        foreach (var statement in Statements)
        {
            var command = new NpgsqlBatchCommand(statement.Text);
            foreach (var name in statement.Names)
            {
                // A parameter belongs to one collection: the first statement that uses it takes it, the others a copy.
                var parameter = parameters[name];
                command.Parameters.Add(used.Add(name) ? parameter : parameter.Clone());
            }

            batch.BatchCommands.Add(command);
        }

        return batch;
    }

    internal static PositionalBatch Parse(string sql)
    {
        var statements = new List<Statement>();
        var text = new StringBuilder();
        var names = new List<string>();
        for (var i = 0; i < sql.Length; i++)
        {
            var c = sql[i];
            var next = i + 1 < sql.Length ? sql[i + 1] : '\0';
            switch (c)
            {
                case '-' when next == '-':
                    i = sql.IndexOf('\n', i) is var eol and >= 0 ? eol : sql.Length;
                    text.Append('\n');
                    break;
                case '/' when next == '*':
                    i = sql.IndexOf("*/", i + 2, StringComparison.Ordinal) is var close and >= 0
                        ? close + 1
                        : throw new FormatException("An unclosed /* comment.");
                    text.Append(' ');
                    break;
                case '\'' or '"':
                    var end = sql.IndexOf(c, i + 1);
                    if (end < 0)
                    {
                        throw new FormatException($"An unclosed {c}.");
                    }

                    text.Append(sql, i, end - i + 1); // a doubled quote inside is two quoted runs side by side: the same text
                    i = end;
                    break;
                case '$':
                    throw new FormatException("Dollar quoting and positional parameters are not supported here: name the parameters.");
                case '@' when char.IsAsciiLetter(next) || next == '_':
                    var start = i + 1;
                    var stop = start;
                    while (stop < sql.Length && (char.IsAsciiLetterOrDigit(sql[stop]) || sql[stop] == '_'))
                    {
                        stop++;
                    }

                    var name = sql[start..stop];
                    var index = names.IndexOf(name);
                    if (index < 0)
                    {
                        names.Add(name);
                        index = names.Count - 1;
                    }

                    text.Append('$').Append(index + 1);
                    i = stop - 1;
                    break;
                case ';':
                    Flush();
                    break;
                default:
                    text.Append(c);
                    break;
            }
        }

        Flush();
        return new PositionalBatch(statements);

        void Flush()
        {
            var statement = text.ToString().Trim();
            if (statement.Length > 0)
            {
                statements.Add(new Statement(statement, [.. names]));
            }

            text.Clear();
            names.Clear();
        }
    }

    internal sealed record Statement(string Text, IReadOnlyList<string> Names);
}
