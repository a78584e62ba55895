namespace Invitations.Infrastructure.Persistence;

/// <summary>
/// The <c>Database</c> section. One node's connection budget is <see cref="MaxPoolSize"/> plus Hangfire's own pool
/// (<c>Hangfire:MaxPoolSize</c>); requests past it wait <see cref="ConnectionTimeoutSeconds"/> for a free connection and
/// are then answered 503, so a busy node never takes the connections another node or an operator needs.
/// </summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public int MaxPoolSize { get; set; } = 30;

    public int ConnectionTimeoutSeconds { get; set; } = 5;
}
