using System.Text.Json.Nodes;
using Sleek.Workflows.Marketplace.Rules;

namespace Sleek.Workflows.Host.Endpoints.Rules;

/// <summary>A saved version of a rule set; <c>rules</c> (the RulesEngine JSON) is left out of version lists.</summary>
internal sealed record RuleSetVersionDto(string Name, int Version, string Author, DateTime CreatedAt, string? Comment, int RuleCount, JsonNode? Rules)
{
    public static RuleSetVersionDto From(RuleSetVersion version, bool withRules) =>
        new(version.Name, version.Version, version.Author, version.CreatedAt, version.Comment, RuleSetFile.CountRules(version.Json), withRules ? Parse(version.Json) : null);

    private static JsonNode? Parse(string json)
    {
        try
        {
            return JsonNode.Parse(json, documentOptions: new() { CommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (System.Text.Json.JsonException)
        {
            return json;
        }
    }
}
