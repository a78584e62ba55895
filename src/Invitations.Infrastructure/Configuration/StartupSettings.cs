using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Invitations.Infrastructure.Configuration;

/// <summary>
/// Reads a section the composition itself needs (pool sizes, worker counts) and refuses it at start, naming each key that is
/// out of range. Sections read later go through the options pipeline with <c>ValidateOnStart</c> and the same wording.
/// </summary>
internal static class StartupSettings
{
    public static T Read<T>(IConfiguration configuration, string section, params (Func<T, bool> Holds, string Failure)[] rules)
        where T : class, new()
    {
        var value = configuration.GetSection(section).Get<T>() ?? new T();
        var failures = rules.Where(rule => !rule.Holds(value)).Select(rule => rule.Failure).ToList();
        return failures.Count == 0 ? value : throw new OptionsValidationException(section, typeof(T), failures);
    }

    public static OptionsValidationException Refuse(string key, string failure) =>
        new(key, typeof(string), [$"{key} {failure}"]);
}
