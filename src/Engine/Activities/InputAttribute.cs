namespace Sleek.Workflows.Engine.Activities;

/// <summary>Marks a property of an activity as an input the definition sets.</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class InputAttribute : Attribute
{
    /// <summary>A definition without this input is invalid.</summary>
    public bool Required { get; init; }

    /// <summary>What the input means, shown in the designer's properties panel.</summary>
    public string Description { get; init; } = "";

    /// <summary>Allowed values for a string input (a drop-down in the designer).</summary>
    public string[]? Options { get; init; }

    /// <summary>
    /// When true, the value is taken as written (a literal) and never evaluated: for inputs that hold
    /// code the activity evaluates itself, such as Switch cases.
    /// </summary>
    public bool LiteralOnly { get; init; }

    /// <summary>
    /// When true, the input is evaluated (and journaled) only while the activity keeps no state: for what an
    /// activity takes once and then carries in its <see cref="ActivityContext.ActivityState"/>, such as the list a
    /// ForEach walks. Later runs neither evaluate it again nor copy it into every journal row.
    /// </summary>
    public bool OnlyWithoutState { get; init; }

    /// <summary>The value is the name of a variable; the validator checks the definition declares it.</summary>
    public bool NamesVariable { get; init; }

    /// <summary>
    /// The value must be an expression (<c>$js</c>, <c>$var</c> or <c>$template</c>), never a literal: a Decision's
    /// condition written as text would be a non-empty string, true every time.
    /// </summary>
    public bool ExpressionOnly { get; init; }

    /// <summary>A hint for the designer's editor, e.g. <c>multiline</c>, <c>javascript</c>, <c>duration</c>, <c>cron</c>.</summary>
    public string? UiHint { get; init; }
}
