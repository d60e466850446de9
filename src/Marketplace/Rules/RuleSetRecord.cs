namespace Sleek.Workflows.Marketplace.Rules;

/// <summary>
/// A rule set a rule author created (table <c>rule_sets</c>): its name, input kind and whether it is retired. Its versions
/// are <see cref="RuleSetVersion"/> rows of the same name; built-in rule sets (<see cref="RuleSetCatalog"/>) have no row.
/// </summary>
public sealed class RuleSetRecord
{
    /// <summary>The name (key): lower-case letters, digits and dashes.</summary>
    public string Name { get; set; } = "";

    /// <summary>The input kind its expressions compile against (<see cref="RuleSetCatalog.InputKinds"/>).</summary>
    public string Input { get; set; } = "";

    /// <summary>What it decides.</summary>
    public string Description { get; set; } = "";

    /// <summary>Who created it.</summary>
    public string CreatedBy { get; set; } = "";

    /// <summary>UTC.</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>When it was retired (UTC); null while in use.</summary>
    public DateTime? RetiredAt { get; set; }

    /// <summary>The name it had before its last rename, if any.</summary>
    public string? RenamedFrom { get; set; }
}
