namespace Sleek.Workflows.Marketplace.Rules;

/// <summary>What a rule set is, apart from its versions: built in (the code relies on it) or created by a rule author.</summary>
/// <param name="Name">Its name.</param>
/// <param name="Description">What it decides.</param>
/// <param name="Input">Its input kind (<see cref="RuleSetCatalog.InputKinds"/>).</param>
/// <param name="BuiltIn">The marketplace's code uses it by name: it cannot be renamed or retired.</param>
/// <param name="RetiredAt">When it was retired (UTC); null while in use.</param>
/// <param name="RenamedFrom">Its name before the last rename.</param>
public sealed record RuleSetInfo(string Name, string Description, string Input, bool BuiltIn, DateTime? RetiredAt, string? RenamedFrom)
{
    /// <summary>Retired: it refuses evaluation and new versions.</summary>
    public bool Retired => RetiredAt is not null;
}
