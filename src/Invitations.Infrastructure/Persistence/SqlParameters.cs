using Npgsql;
using NpgsqlTypes;

namespace Invitations.Infrastructure.Persistence;

/// <summary>A statement file's parameters by the names it uses; <see cref="PositionalBatch"/> puts them in its places.</summary>
internal sealed class SqlParameters
{
    private readonly Dictionary<string, NpgsqlParameter> _byName = new(StringComparer.Ordinal);

    public NpgsqlParameter this[string name] =>
        _byName.TryGetValue(name, out var parameter) ? parameter : throw new KeyNotFoundException($"The statement uses @{name}, which has no value.");

    public void AddWithValue<T>(string name, T value) => _byName.Add(name, new NpgsqlParameter<T> { TypedValue = value });

    /// <summary>A value of an explicit type: a null, or text PostgreSQL must not guess (json).</summary>
    public void Add(string name, NpgsqlDbType type, object? value) =>
        _byName.Add(name, new NpgsqlParameter { NpgsqlDbType = type, Value = value ?? DBNull.Value });
}
