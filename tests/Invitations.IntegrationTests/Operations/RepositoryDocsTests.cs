using System.Text.RegularExpressions;

namespace Invitations.IntegrationTests.Operations;

/// <summary>
/// The repository carries its own documentation: a short README whose walk-through is the script a test runs, and docs/
/// for the rest, every link resolving inside the repository (a clone once met links to a folder beside it).
/// </summary>
public sealed partial class RepositoryDocsTests
{
    private static string Root => ServiceProcess.RepositoryRoot;

    public static TheoryData<string> Pages() =>
        [.. new[] { "README.md" }.Concat(Directory.GetFiles(Path.Combine(Root, "docs"), "*.md").Select(f => Path.GetRelativePath(Root, f)).Order())];

    [Fact]
    public void TheReadme_IsShort_AndLinksEachDocsPage()
    {
        var readme = File.ReadAllText(Path.Combine(Root, "README.md"));

        Assert.True(readme.Length < 15 * 1024, $"README.md is {readme.Length} bytes; keep it under 15 KB and move detail to docs/.");
        foreach (var page in new[] { "api-guide", "configuration", "operations", "design", "testing", "invitee-choices" })
        {
            Assert.Contains($"(docs/{page}.md)", readme, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void EveryLink_StaysInsideTheRepository_AndResolves(string page)
    {
        var folder = Path.GetDirectoryName(Path.Combine(Root, page))!;

        foreach (Match link in Link().Matches(File.ReadAllText(Path.Combine(Root, page))))
        {
            var target = link.Groups["target"].Value;
            if (target.StartsWith('#') || Uri.TryCreate(target, UriKind.Absolute, out _))
            {
                Assert.True(target.StartsWith('#') || target.StartsWith("http://127.0.0.1", StringComparison.Ordinal), $"{page} links outside: {target}");
                continue;
            }

            var file = Path.GetFullPath(Path.Combine(folder, target.Split('#')[0]));
            var inRepository = Path.GetRelativePath(Root, file);
            Assert.False(inRepository.StartsWith("..", StringComparison.Ordinal), $"{page} links outside the repository: {target}");
            Assert.True(File.Exists(file) || Directory.Exists(file), $"{page} links to a missing {target}");
        }
    }

    [Fact]
    public void TheReadmesWalkthrough_IsTheScriptATestRuns_LineForLine()
    {
        var script = File.ReadAllText(Path.Combine(Root, "build/walkthrough.sh"));
        var steps = script.Split("# --- walk-through ---\n")[1].Split("# --- end ---\n")[0];

        Assert.Contains(steps, File.ReadAllText(Path.Combine(Root, "README.md")), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\]\((?<target>[^)\s]+)\)")]
    private static partial Regex Link();
}
