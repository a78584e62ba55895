using System.Diagnostics;
using System.Text;
using Npgsql;

namespace Invitations.IntegrationTests.Keys;

/// <summary>
/// Looks for strings in a whole database as someone holding a copy of it would: every text, character, JSON and bytea
/// column (arrays of them too) of every table outside PostgreSQL's own schemas, and the output of <c>pg_dump</c> when one
/// is installed. Bytea is searched as bytes, and the dump also for the hex form it writes bytea in.
/// </summary>
public static class DatabaseScan
{
    private static readonly string[] Textual = ["text", "character varying", "character", "json", "jsonb", "bytea"];

    /// <summary>Where each needle was found (<c>schema.table.column</c>, or <c>pg_dump</c>); empty when nowhere.</summary>
    public static async Task<List<string>> FindAsync(string connectionString, IReadOnlyCollection<string> needles)
    {
        var found = new List<string>();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        foreach (var (schema, table, column, type) in await ColumnsAsync(connection))
        {
            var bytea = type.Contains("bytea", StringComparison.Ordinal);
            await using var select = new NpgsqlCommand(
                $"SELECT {(bytea ? $"\"{column}\"" : $"\"{column}\"::text")} FROM \"{schema}\".\"{table}\" WHERE \"{column}\" IS NOT NULL", connection);
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var values = bytea && type == "bytea" ? [reader.GetFieldValue<byte[]>(0)]
                    : bytea ? reader.GetFieldValue<byte[][]>(0)
                    : [Encoding.UTF8.GetBytes(reader.GetString(0))];
                found.AddRange(needles.Where(n => values.Any(v => v.AsSpan().IndexOf(Encoding.UTF8.GetBytes(n)) >= 0))
                    .Select(n => $"{schema}.{table}.{column} holds {n}"));
            }
        }

        if (await PgDumpAsync(connectionString) is { } dump)
        {
            found.AddRange(needles.Where(n => dump.Contains(n, StringComparison.Ordinal) || dump.Contains(Hex(n), StringComparison.Ordinal))
                .Select(n => $"pg_dump holds {n}"));
        }

        return found;
    }

    /// <summary>The newest pg_dump under /usr/lib/postgresql/*/bin, else the one on PATH; null when none is installed.</summary>
    public static string? PgDumpPath()
    {
        var installed = Directory.Exists("/usr/lib/postgresql") ? Directory.GetDirectories("/usr/lib/postgresql") : [];
        return installed
            .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var version) ? version : 0)
            .Select(d => Path.Combine(d, "bin", "pg_dump"))
            .Concat((Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => Path.Combine(d, "pg_dump")))
            .FirstOrDefault(File.Exists);
    }

    private static string Hex(string text) => Convert.ToHexStringLower(Encoding.UTF8.GetBytes(text));

    private static async Task<List<(string Schema, string Table, string Column, string Type)>> ColumnsAsync(NpgsqlConnection connection)
    {
        await using var list = new NpgsqlCommand(
            """
            SELECT c.table_schema, c.table_name, c.column_name,
                   CASE WHEN c.data_type = 'ARRAY' THEN e.data_type || '[]' ELSE c.data_type END
            FROM information_schema.columns c
            JOIN information_schema.tables t USING (table_schema, table_name)
            LEFT JOIN information_schema.element_types e
              ON e.object_schema = c.table_schema AND e.object_name = c.table_name AND e.object_type = 'TABLE'
             AND e.collection_type_identifier = c.dtd_identifier
            WHERE t.table_type = 'BASE TABLE' AND c.table_schema NOT IN ('pg_catalog', 'information_schema')
            """,
            connection);
        var columns = new List<(string, string, string, string)>();
        await using var reader = await list.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var type = reader.GetString(3);
            if (Textual.Any(t => type == t || type == t + "[]"))
            {
                columns.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), type));
            }
        }

        return columns;
    }

    private static async Task<string?> PgDumpAsync(string connectionString)
    {
        if (PgDumpPath() is not { } pgDump)
        {
            return null;
        }

        var database = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(pgDump) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-h", database.Host!, "-p", database.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", database.Username!, database.Database! })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PGPASSWORD"] = database.Password ?? "";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"pg_dump failed: {await errors}");
        return await output;
    }
}
