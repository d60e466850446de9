namespace Sleek.Workflows.Marketplace.Rules;

/// <summary>A retired rule set was asked to evaluate: retiring stops every use, and the message says so.</summary>
public sealed class RetiredRuleSetException(string name)
    : Exception($"Rule set '{name}' is retired and evaluates nothing; point the workflow at another rule set (GET /api/rules lists them).")
{
    /// <summary>The name asked for.</summary>
    public string Name { get; } = name;
}
