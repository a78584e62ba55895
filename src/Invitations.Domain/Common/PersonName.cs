namespace Invitations.Domain.Common;

/// <summary>A first or last name, as members and invitations both keep it: trimmed, and absent rather than blank.</summary>
public static class PersonName
{
    public const int MaxLength = 100;

    internal static string? Tidy(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
