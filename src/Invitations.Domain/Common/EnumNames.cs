namespace Invitations.Domain.Common;

public static class EnumNames
{
    /// <summary>The value's name in lower case: how a status reads in responses and in the database's status columns.</summary>
    public static string LowerCaseName<TEnum>(this TEnum value)
        where TEnum : struct, Enum =>
        value.ToString().ToLowerInvariant();
}
