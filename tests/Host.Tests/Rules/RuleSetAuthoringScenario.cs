using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Sleek.Workflows.Host.Tests.Infrastructure;
using Sleek.Workflows.Host.Tests.Security;

namespace Sleek.Workflows.Host.Tests.Rules;

/// <summary>
/// Open rule sets (issue 16 part 4): rule authors create rule sets of any name (with an input kind), edit, rename (history
/// kept) and retire them (evaluation refused with a clear error); a RulesEngine file as its samples write it is taken as is;
/// a broken expression is refused naming the rule; buyers may do none of it.
/// </summary>
public abstract class RuleSetAuthoringScenario(TestDatabase database) : HostScenario(database)
{
    /// <summary>Shaped as RulesEngine's own samples (Discount.json): ErrorType, RuleExpressionType, AND, no actions.</summary>
    internal const string SampleShaped = """
        [
          {
            "WorkflowName": "RushQuotes",
            "Rules": [
              {
                "RuleName": "BigQuote",
                "SuccessEvent": "10",
                "ErrorMessage": "One or more adjust rules failed.",
                "ErrorType": "Error",
                "Enabled": true,
                "RuleExpressionType": "LambdaExpression",
                "Expression": "input1.QuoteTotal > 10000 AND input1.BuyerCompletedOrders >= 0"
              },
              {
                "RuleName": "RepeatBuyer",
                "SuccessEvent": "20",
                "ErrorMessage": "One or more adjust rules failed.",
                "ErrorType": "Error",
                "RuleExpressionType": "LambdaExpression",
                "Expression": "input1.BuyerCompletedOrders > 3"
              }
            ]
          }
        ]
        """;

    private const string WithAction = """
        [ { "WorkflowName": "RushQuotes", "Rules": [
            { "RuleName": "BigQuote", "Expression": "input1.QuoteTotal > 10000",
              "Actions": { "OnSuccess": { "Name": "OutputExpression", "Context": { "Expression": "\"rush\"" } } } } ] } ]
        """;

    [Fact]
    public async Task A_rule_set_is_created_edited_renamed_with_its_history_and_retired_and_a_retired_one_refuses_evaluation()
    {
        var api = StartHost(NewFolder().With(RushCheck("rush-quotes")), settings: MarketplaceRecords.RulesSettings);

        var created = await SleekApi.ExpectAsync(await api.PostRawAsync("/api/rules?name=rush-orders&input=automation&description=Rush%20big%20quotes", SampleShaped), HttpStatusCode.Created);
        Assert.Equal(1, created["version"]!.GetValue<int>());
        await SleekApi.ExpectProblemAsync(await api.PostRawAsync("/api/rules?name=rush-orders&input=automation", SampleShaped), HttpStatusCode.Conflict);
        await SleekApi.ExpectProblemAsync(await api.PostRawAsync("/api/rules?name=automation&input=automation", SampleShaped), HttpStatusCode.Conflict);
        Assert.Equal(2, (await SleekApi.ExpectAsync(await api.PutRawAsync("/api/rules/rush-orders", WithAction), HttpStatusCode.Created))["version"]!.GetValue<int>());

        using (var renamed = await api.Client.PostAsJsonAsync("/api/rules/rush-orders/rename", new { name = "rush-quotes" }))
        {
            var info = await SleekApi.ExpectAsync(renamed, HttpStatusCode.OK);
            Assert.Equal("rush-orders", info["renamedFrom"]!.GetValue<string>());
        }

        Assert.Equal([2, 1], (await api.GetJsonAsync("/api/rules/rush-quotes/versions")).AsArray().Select(v => v!["version"]!.GetValue<int>()));
        Assert.Contains("RepeatBuyer", (await api.GetJsonAsync("/api/rules/rush-quotes?version=1"))["rules"]!.ToJsonString(), StringComparison.Ordinal);
        await SleekApi.ExpectProblemAsync(await api.GetAsync("/api/rules/rush-orders"), HttpStatusCode.NotFound);
        var listed = (await api.GetJsonAsync("/api/rules")).AsArray().Single(r => r!["name"]!.GetValue<string>() == "rush-quotes")!;
        Assert.Equal(("automation", false, 2), (listed["input"]!.GetValue<string>(), listed["builtIn"]!.GetValue<bool>(), listed["version"]!.GetValue<int>()));

        // EvaluateRules takes it by name and routes by its action.
        var rushed = await api.WaitForStatusAsync(SleekApi.Id(await api.StartAsync("rush-check")), "Completed");
        Assert.Contains(SleekApi.Journal(rushed), j => j.Activity == "rushed");

        // Built-in rule sets are neither renamed nor retired; a created one is retired, and then evaluates nothing.
        await SleekApi.ExpectProblemAsync(await api.PostAsync("/api/rules/automation/retire"), HttpStatusCode.Conflict);
        await SleekApi.ExpectProblemAsync(await api.Client.PostAsJsonAsync("/api/rules/supplier-scoring/rename", new { name = "scores" }), HttpStatusCode.Conflict);
        Assert.NotNull((await SleekApi.ExpectAsync(await api.PostAsync("/api/rules/rush-quotes/retire"), HttpStatusCode.OK))["retiredAt"]);
        var refused = await SleekApi.ExpectProblemAsync(await api.PutRawAsync("/api/rules/rush-quotes", SampleShaped), HttpStatusCode.Conflict);
        Assert.Contains("retired", refused["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var faulted = await api.WaitForStatusAsync(SleekApi.Id(await api.StartAsync("rush-check")), "Faulted");
        Assert.Contains("Rule set 'rush-quotes' is retired and evaluates nothing", faulted["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(2, (await api.GetJsonAsync("/api/rules/rush-quotes"))["version"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("/api/rules?input=automation", "name")]
    [InlineData("/api/rules?name=Rush%20Orders&input=automation", "name")]
    [InlineData("/api/rules?name=rush-orders", "input")]
    [InlineData("/api/rules?name=rush-orders&input=pricing", "input")]
    public async Task A_create_without_a_proper_name_or_input_kind_is_refused_naming_the_field(string path, string field)
    {
        var api = StartHost(NewFolder(), settings: MarketplaceRecords.RulesSettings);
        await SleekApi.ExpectProblemAsync(await api.PostRawAsync(path, SampleShaped), HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task A_broken_expression_is_refused_naming_the_rule_and_nothing_is_created()
    {
        var api = StartHost(NewFolder(), settings: MarketplaceRecords.RulesSettings);
        var broken = SampleShaped.Replace("input1.BuyerCompletedOrders > 3", "input1.BuyerOrders >", StringComparison.Ordinal);

        var problem = await SleekApi.ExpectProblemAsync(await api.PostRawAsync("/api/rules?name=rush-orders&input=automation", broken), HttpStatusCode.BadRequest, "RushQuotes/RepeatBuyer");
        Assert.Contains("Expression does not compile", problem["errors"]!["RushQuotes/RepeatBuyer"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain("RushQuotes/BigQuote", problem["errors"]!.AsObject().Select(e => e.Key));
        await SleekApi.ExpectProblemAsync(await api.GetAsync("/api/rules/rush-orders"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_rule_author_creates_renames_and_retires_and_a_buyer_may_not()
    {
        await using var kit = new SecurityKit(Database, MarketplaceRecords.RulesSettings);
        var author = (await kit.UserAsync("rule_author")).Client;
        var buyer = (await kit.UserAsync("buyer")).Client;

        using (var forbidden = await buyer.PostAsync(new Uri("/api/rules?name=buyer-rules&input=automation", UriKind.Relative), Json(SampleShaped)))
        {
            await SleekApi.ExpectProblemAsync(forbidden, HttpStatusCode.Forbidden);
        }

        await SleekApi.ExpectAsync(await author.PostAsync(new Uri("/api/rules?name=author-rules&input=automation", UriKind.Relative), Json(SampleShaped)), HttpStatusCode.Created);
        await SleekApi.ExpectProblemAsync(await buyer.PostAsJsonAsync("/api/rules/author-rules/rename", new { name = "mine" }), HttpStatusCode.Forbidden);
        await SleekApi.ExpectProblemAsync(await buyer.PostAsync(new Uri("/api/rules/author-rules/retire", UriKind.Relative), null), HttpStatusCode.Forbidden);
        await SleekApi.ExpectAsync(await author.PostAsJsonAsync("/api/rules/author-rules/rename", new { name = "author-rules-2" }), HttpStatusCode.OK);
        await SleekApi.ExpectAsync(await author.PostAsync(new Uri("/api/rules/author-rules-2/retire", UriKind.Relative), null), HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_scoring_weights_are_a_seeded_rule_set_that_rule_authors_change_without_a_release()
    {
        var api = StartHost(NewFolder(), settings: MarketplaceRecords.RulesSettings);
        var current = await api.GetJsonAsync("/api/rules/supplier-scoring");
        Assert.Equal(("file", 4), (current["author"]!.GetValue<string>(), current["ruleCount"]!.GetValue<int>()));

        // Rating now counts 10 points per star: a change rule authors make without a release.
        var heavierRating = RuleFiles.Read("supplier-scoring").Replace("input1.Rating * 4", "input1.Rating * 10", StringComparison.Ordinal);
        Assert.NotEqual(RuleFiles.Read("supplier-scoring"), heavierRating);
        await SleekApi.ExpectAsync(await api.PutRawAsync("/api/rules/supplier-scoring", heavierRating), HttpStatusCode.Created);
        Assert.Equal(2, (await api.GetJsonAsync("/api/rules/supplier-scoring"))["version"]!.GetValue<int>());
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static JsonObject RushCheck(string ruleSet) => JsonNode.Parse($$"""
        {
          "definitionId": "rush-check", "version": 1, "name": "Rush check",
          "root": {
            "activities": [
              { "id": "start", "type": "Start" },
              { "id": "rules", "type": "EvaluateRules", "inputs": { "ruleSet": "{{ruleSet}}", "input": { "quoteTotal": 20000 }, "actions": ["rush"] } },
              { "id": "rushed", "type": "Log", "inputs": { "message": "rush" } },
              { "id": "normal", "type": "Log", "inputs": { "message": "normal" } }
            ],
            "connections": [
              { "source": { "activity": "start" }, "target": { "activity": "rules" } },
              { "source": { "activity": "rules", "port": "rush" }, "target": { "activity": "rushed" } },
              { "source": { "activity": "rules", "port": "Default" }, "target": { "activity": "normal" } }
            ]
          }
        }
        """)!.AsObject();
}

public sealed class RuleSetAuthoringOnPostgres(PostgresDatabase database) : RuleSetAuthoringScenario(database), IClassFixture<PostgresDatabase>;

public sealed class RuleSetAuthoringOnSqlite(SqliteDatabase database) : RuleSetAuthoringScenario(database), IClassFixture<SqliteDatabase>;
