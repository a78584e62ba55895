using System.Collections.Concurrent;
using System.Reflection;

namespace Invitations.Infrastructure.Persistence;

/// <summary>
/// Hand-written statements live as <c>.sql</c> files beside the class that runs them, holding their current text (migrations
/// only migrate); this reads one, once, by its name in <typeparamref name="TOwner"/>'s folder.
/// </summary>
internal static class SqlText
{
    private static readonly ConcurrentDictionary<string, string> Loaded = new();

    public static string Of<TOwner>(string name) =>
        Loaded.GetOrAdd($"{typeof(TOwner).Namespace}.{name}.sql", resource =>
        {
            using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
                ?? throw new InvalidOperationException($"No embedded statement {resource}.");
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        });
}
