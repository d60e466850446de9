namespace Sleek.Workflows.Engine.Activities.BuiltIn;

/// <summary>One field of a human task's form.</summary>
public sealed class FormField
{
    /// <summary>Key in the submitted data.</summary>
    public string Name { get; set; } = "";

    /// <summary>Label shown to the person.</summary>
    public string? Label { get; set; }

    /// <summary>string, number, integer, boolean or date.</summary>
    public string Type { get; set; } = "string";

    /// <summary>Submission without it is refused.</summary>
    public bool Required { get; set; }

    /// <summary>
    /// Outcomes for which the field must be filled (a string not blank), e.g. <c>["Decline"]</c> for a decline's reason;
    /// the other outcomes leave it optional. Checked on every completion path, like <see cref="Required"/>.
    /// </summary>
    public List<string>? RequiredFor { get; set; }

    /// <summary>Allowed values of a string field.</summary>
    public List<string>? Options { get; set; }

    /// <summary>Longest accepted string.</summary>
    public int MaxLength { get; set; } = 2000;
}
