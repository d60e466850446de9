using System.Text.Json.Nodes;

namespace Sleek.Workflows.Engine.Activities;

/// <summary>An activity input as the designer and the validator see it.</summary>
/// <param name="Name">camelCase name used in definition JSON.</param>
/// <param name="Type">string, integer, number, boolean, object, array or any.</param>
/// <param name="Required">A definition without it is invalid.</param>
/// <param name="Default">The value when the definition leaves it out.</param>
/// <param name="Description">What it means.</param>
/// <param name="Options">Allowed values, if restricted.</param>
/// <param name="LiteralOnly">Taken as written; expressions are not allowed.</param>
/// <param name="UiHint">Editor hint for the designer.</param>
/// <param name="NamesVariable">The value names a declared variable.</param>
/// <param name="ExpressionOnly">Only an expression is allowed; the validator refuses a literal.</param>
public sealed record InputDescriptor(
    string Name,
    string Type,
    bool Required,
    JsonNode? Default,
    string Description,
    IReadOnlyList<string>? Options,
    bool LiteralOnly,
    string? UiHint,
    bool NamesVariable = false,
    bool ExpressionOnly = false);
