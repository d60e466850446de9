using System.Text.Json;
using System.Text.Json.Nodes;
using Sleek.Workflows.Engine.Definitions;
using Sleek.Workflows.Engine.Persistence;

namespace Sleek.Workflows.Engine.Tests.Definitions;

/// <summary>The canonical form decides whether a definition file differs from a published version.</summary>
public sealed class DefinitionJsonTests
{
    private const string Compact = """
        {"definitionId":"canon","version":1,"name":"Canon","variables":[{"name":"n","type":"number","default":1}],
        "root":{"activities":[{"id":"start","type":"Start"},{"id":"log","type":"Log","inputs":{"message":{"$template":"n = {{ variables.n }}"},"level":"Warning"},"position":{"x":10,"y":20}}],
        "connections":[{"source":{"activity":"start","port":"Done"},"target":{"activity":"log"}}]}}
        """;

    // The same definition: other property order everywhere (also inside inputs), other whitespace.
    private const string Reordered = """
        {
          "root": {
            "connections": [ { "target": { "activity": "log" }, "source": { "port": "Done", "activity": "start" } } ],
            "activities": [
              { "type": "Start", "id": "start" },
              {
                "position": { "y": 20, "x": 10 },
                "inputs": { "level": "Warning", "message": { "$template": "n = {{ variables.n }}" } },
                "type": "Log",
                "id": "log"
              }
            ]
          },
          "variables": [ { "default": 1, "type": "number", "name": "n" } ],
          "name": "Canon",
          "version": 1,
          "definitionId": "canon"
        }
        """;

    private static WorkflowDefinition Read(string json) => JsonSerializer.Deserialize<WorkflowDefinition>(json, DefinitionJson.Options)!;

    [Fact]
    public void Same_definition_in_another_property_order_and_layout_has_the_same_canonical_form_and_hash()
    {
        var a = Read(Compact);
        var b = Read(Reordered);

        Assert.Equal(DefinitionJson.Canonical(a), DefinitionJson.Canonical(b));
        Assert.Equal(DefinitionStore.HashOf(a), DefinitionStore.HashOf(b));
        Assert.Matches("^[0-9a-f]{64}$", DefinitionStore.HashOf(a));
    }

    [Fact]
    public void Canonical_form_survives_a_round_trip_through_the_indented_file_format()
    {
        var a = Read(Compact);

        var again = Read(DefinitionJson.Serialize(a));

        Assert.Equal(DefinitionStore.HashOf(a), DefinitionStore.HashOf(again));
    }

    [Fact]
    public void Changed_input_gives_another_hash()
    {
        var changed = JsonNode.Parse(Compact)!;
        changed["root"]!["activities"]![1]!["inputs"]!["level"] = "Error";

        Assert.NotEqual(DefinitionStore.HashOf(Read(Compact)), DefinitionStore.HashOf(Read(changed.ToJsonString())));
    }

    [Fact]
    public void Changed_expression_text_gives_another_hash()
    {
        var changed = Compact.Replace("n = {{ variables.n }}", "n={{ variables.n }}", StringComparison.Ordinal);

        Assert.NotEqual(DefinitionStore.HashOf(Read(Compact)), DefinitionStore.HashOf(Read(changed)));
    }

    [Fact]
    public void Canonical_form_sorts_keys_and_has_no_whitespace()
    {
        var canonical = DefinitionJson.Canonical(Read(Reordered));

        Assert.StartsWith("""{"definitionId":"canon","inputs":[],"name":"Canon","root":{"activities":[""", canonical);
        Assert.Contains("""{"id":"log","inputs":{"level":"Warning","message":{"$template":"n = {{ variables.n }}"}},"position":{"x":10,"y":20},"type":"Log"}""", canonical);
        Assert.DoesNotContain("\n", canonical);
    }
}
