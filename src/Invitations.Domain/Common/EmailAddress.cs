namespace Invitations.Domain.Common;

/// <summary>
/// An email address as a person typed it (<see cref="Value"/>, trimmed) and as an identity
/// (<see cref="Normalized"/>, lower-cased). Deliberately strict: one bare address, nothing that could
/// smuggle a second recipient or a header into a message.
/// </summary>
public sealed partial record EmailAddress
{
    public const int MaxLength = 254;

    private EmailAddress(string value)
    {
        Value = value;
        Normalized = value.ToLowerInvariant();
    }

    public string Value { get; }

    public string Normalized { get; }

    public static EmailAddress Create(string? input) =>
        TryCreate(input, out var email, out var problem)
            ? email
            : throw new DomainException(ErrorCodes.InvalidEmail, problem);

    public static bool IsValid(string? input) => TryCreate(input, out _, out _);

    public static string Normalize(string input) => input.Trim().ToLowerInvariant();

    public static bool TryCreate(string? input, out EmailAddress email, out string problem)
    {
        email = null!;
        problem = Check(input?.Trim());
        if (problem.Length > 0)
        {
            return false;
        }

        email = new EmailAddress(input!.Trim());
        return true;
    }
}
