namespace Sleek.Workflows.Marketplace.Rules;

/// <summary>A rule set name that has no known input shape (or no stored rules); the message lists the known ones.</summary>
public sealed class UnknownRuleSetException(string name, IEnumerable<string> known)
    : Exception($"Unknown rule set '{name}'; known rule sets: {string.Join(", ", known)}.")
{
    /// <summary>The name asked for.</summary>
    public string Name { get; } = name;
}
