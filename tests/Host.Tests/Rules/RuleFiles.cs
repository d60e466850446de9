using Sleek.Workflows.Host.Tests.Infrastructure;

namespace Sleek.Workflows.Host.Tests.Rules;

/// <summary>The repository's <c>rules/</c> folder, for the host scenarios that edit or preview its rule sets.</summary>
internal static class RuleFiles
{
    public static string Directory { get; } = Path.Combine(SourceTree.Root, "rules");

    public static string Read(string ruleSet) => File.ReadAllText(Path.Combine(Directory, ruleSet + ".json"));
}
