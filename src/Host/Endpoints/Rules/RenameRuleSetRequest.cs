namespace Sleek.Workflows.Host.Endpoints.Rules;

/// <summary>Body of <c>POST /api/rules/{name}/rename</c>.</summary>
/// <param name="Name">The new name: lower-case letters, digits and dashes.</param>
internal sealed record RenameRuleSetRequest(string? Name);
