namespace Invitations.IntegrationTests.Support;

/// <summary>An operator's log at the default levels: a failure only when something failed, and never a line of SQL.</summary>
public static class QuietLog
{
    public static void Assert(string output, string when)
    {
        foreach (var marker in new[] { "fail:", "crit:", "SELECT ", "INSERT INTO", "UPDATE ", "DELETE FROM" })
        {
            Xunit.Assert.False(output.Contains(marker, StringComparison.Ordinal), $"'{marker}' {when}:\n{output}");
        }
    }
}
