using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sleek.Workflows.Engine.Activities;
using Sleek.Workflows.Marketplace.Ai;
using Sleek.Workflows.Marketplace.Persistence;
using Stopwatch = System.Diagnostics.Stopwatch;

namespace Sleek.Workflows.Activities.Ai;

/// <summary>
/// Asks the configured OpenAI-compatible model for practical suggestions and a friendly summary of a quote
/// and stores them on the quote. Never blocks the quote: not configured → <c>{skipped}</c>; any failure
/// (timeout, HTTP error, unreachable, an answer it cannot use) → <c>{failed}</c>; always through <c>Done</c>.
/// Every call, answered or not, writes an <see cref="AiUsage"/> row with tokens, cost and duration, and the
/// last hour's cost is checked (<see cref="AiCostWatch"/>).
/// </summary>
/// <remarks>
/// The call runs inside the burst, whose database transaction stays open while the model answers (on
/// SQLite the engine's writer lock is held too). That is why the wait is bounded: <c>Ai:TimeoutSeconds</c>
/// (25 s by default, docs/domain.md) with no SDK retries. The usage row commits with the burst.
/// </remarks>
[Activity("GenerateAiSuggestions", Category = "AI", DisplayName = "Generate AI suggestions", OutputType = "object",
    Description = "Writes AI suggestions and a summary for a quote; skipped when AI is not configured, never blocks the quote.")]
public sealed class GenerateAiSuggestions : IActivity
{
    private const int MaxErrorLength = 2000;

    /// <summary>The quote.</summary>
    [Input(Required = true, Description = "The quote's id.")]
    public string QuoteId { get; set; } = "";

    /// <inheritdoc />
    public async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        if (!Guid.TryParse(QuoteId, out var quoteId))
        {
            return ActivityResult.Fault($"quoteId '{QuoteId}' is not an id");
        }

        var client = context.Services.GetRequiredService<AiTextClient>();
        if (!client.IsConfigured)
        {
            return ActivityResult.Done(new JsonObject { ["skipped"] = "AI not configured" });
        }

        await using var db = context.Services.GetRequiredService<MarketplaceDb>().CreateContext(context);
        var quote = await db.Quotes.SingleOrDefaultAsync(q => q.Id == quoteId, context.CancellationToken);
        if (quote is null)
        {
            return ActivityResult.Fault($"quoteId '{quoteId}': no such quote");
        }

        var usage = new AiUsage { Model = client.Model, QuoteId = quoteId };
        var clock = Stopwatch.StartNew();
        JsonObject output;
        try
        {
            var completion = await client.SuggestAsync(QuoteSuggestionPrompt.Instructions, QuoteSuggestionPrompt.For(quote), context.CancellationToken);
            var (suggestions, summary) = QuoteSuggestionPrompt.Read(completion.Text);
            (usage.Model, usage.PromptTokens, usage.CompletionTokens, usage.CostUsd, usage.Succeeded) =
                (completion.Model, completion.PromptTokens, completion.CompletionTokens, completion.CostUsd, true);
            output = new JsonObject
            {
                ["suggestions"] = new JsonArray([.. suggestions.Select(s => JsonValue.Create(s))]),
                ["summary"] = summary,
                ["model"] = completion.Model,
                ["costUsd"] = completion.CostUsd,
            };
            var stored = (JsonObject)output.DeepClone();
            stored["generatedAt"] = context.Clock.GetUtcNow().UtcDateTime;
            quote.AiSuggestions = stored.ToJsonString();
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            // AiException for the expected failures; anything else (an answer the SDK cannot read) alike.
            var reason = ex is AiException ? ex.Message : $"unexpected {ex.GetType().Name}: {ex.Message}";
            usage.Error = reason.Length > MaxErrorLength ? reason[..MaxErrorLength] : reason;
            output = new JsonObject { ["failed"] = reason };
            context.Logger.LogWarning("AI suggestions for quote {QuoteNumber} failed, the quote goes on without them: {Reason}", quote.Number, reason);
        }

        var now = context.Clock.GetUtcNow().UtcDateTime;
        usage.At = now;
        usage.DurationMs = (int)Math.Min(int.MaxValue, clock.ElapsedMilliseconds);
        db.AiUsage.Add(usage);
        await db.SaveChangesAsync(context.CancellationToken);
        context.Logger.LogInformation(
            "AI call for quote {QuoteNumber}: model {Model}, {PromptTokens} + {CompletionTokens} tokens, {CostUsd:0.######} USD, {DurationMs} ms{Outcome}",
            quote.Number, usage.Model, usage.PromptTokens, usage.CompletionTokens, usage.CostUsd, usage.DurationMs, usage.Succeeded ? "" : ", failed");

        var cost = await context.Services.GetRequiredService<AiCostWatch>().CheckAsync(db, now, context.Logger, context.CancellationToken);
        output["lastHourCostUsd"] = cost.LastHourUsd;
        output["costLevel"] = cost.Level.ToString();
        return ActivityResult.Done(output);
    }
}
