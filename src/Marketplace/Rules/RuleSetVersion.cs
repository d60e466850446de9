namespace Sleek.Workflows.Marketplace.Rules;

/// <summary>A saved version of a RulesEngine rule set (table <c>rule_set_versions</c>, unique name + version).</summary>
public sealed class RuleSetVersion
{
    /// <summary>Id.</summary>
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The rule set, e.g. "automation" (rules/automation.json).</summary>
    public string Name { get; set; } = "";

    /// <summary>1, 2, …</summary>
    public int Version { get; set; }

    /// <summary>The RulesEngine workflow JSON.</summary>
    public string Json { get; set; } = "";

    /// <summary>Who saved it.</summary>
    public string Author { get; set; } = "";

    /// <summary>UTC.</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>Why it changed.</summary>
    public string? Comment { get; set; }
}
