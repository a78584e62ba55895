using System.Text;

namespace Invitations.IntegrationTests.Webhooks;

public static class StorableText
{
    /// <summary>Text PostgreSQL takes and a person can read: no NUL or other control character, valid UTF-16, bounded.</summary>
    public static void Assert(string text)
    {
        Xunit.Assert.DoesNotContain(text, char.IsControl);
        Xunit.Assert.InRange(text.Length, 1, 300);
        var strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        Xunit.Assert.Equal(text, strict.GetString(strict.GetBytes(text)));
    }
}
