namespace Sleek.Workflows.Engine.Activities.BuiltIn;

/// <summary>One case of a <see cref="Switch"/>.</summary>
public sealed class SwitchCase
{
    /// <summary>The outcome port taken when the condition holds.</summary>
    public string Port { get; set; } = "";

    /// <summary>JavaScript condition.</summary>
    public string Condition { get; set; } = "";
}
