using System.Collections.Concurrent;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using Sleek.Workflows.Engine.Persistence;
using Sleek.Workflows.Host.Auth;
using Sleek.Workflows.Marketplace.Ai;
using Sleek.Workflows.Marketplace.Assistant;
using Sleek.Workflows.Marketplace.Persistence;

namespace Sleek.Workflows.Host.Assistant;

/// <summary>
/// Runs one turn of a conversation as server-sent events: <c>delta</c> (a piece of the reply's text), <c>tool</c> (a tool
/// call with its stored id, arguments and structured result: the UI's cards come from here), then <c>message</c> (the
/// reply as stored) or <c>error</c> (an apology and the quote form's address after the retries are spent). The reply is
/// stored complete only when the model finished it; a broken or abandoned stream leaves it <c>interrupted</c>. Every turn's
/// tokens and cost go on the conversation, the message and the AI usage log, which the hourly cost watch reads.
/// </summary>
internal sealed class AssistantTurns(
    MarketplaceDb marketplace, AssistantModel model, AssistantConversations conversations, AssistantOptions options, AiOptions ai,
    AiCostCalculator costs, AiCostWatch watch, TimeProvider clock, IServiceProvider services, ILogger<AssistantTurns> logger)
{
    // One turn per conversation at a time on this host: its messages are numbered in order.
    private readonly ConcurrentDictionary<Guid, bool> _running = new();

    /// <summary>Claims the conversation for a turn; false while another turn runs.</summary>
    public bool TryBegin(Guid conversationId) => _running.TryAdd(conversationId, true);

    /// <summary>Stores the buyer's message and streams the reply; ends the claim of <see cref="TryBegin"/>.</summary>
    public async IAsyncEnumerable<SseItem<JsonObject>> RunAsync(AssistantConversation conversation, string text, HttpContext http, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var item in TurnAsync(conversation, text, http, cancellationToken))
            {
                yield return item;
            }
        }
        finally
        {
            _running.TryRemove(conversation.Id, out _);
        }
    }

    private async IAsyncEnumerable<SseItem<JsonObject>> TurnAsync(AssistantConversation conversation, string text, HttpContext http, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var caller = SleekCaller.From(http.User);
        var recorder = new AssistantTurnRecorder(marketplace, conversation.Id, await conversations.NextSequenceAsync(conversation.Id, cancellationToken), clock);
        var stored = await conversations.MessagesAsync(conversation.Id, cancellationToken);
        var user = await recorder.AddAsync(new AssistantMessage { Role = AssistantMessageRole.User, Status = AssistantMessageStatus.Complete, Content = text }, cancellationToken);
        stored.Add(user);
        yield return Event("user", Endpoints.Assistant.AssistantMessageDto.Json(user));

        var tools = new AssistantTools(http, caller, conversation, recorder, services);
        var history = AssistantPrompt.History(AssistantPrompt.Instructions(caller.Role == SleekRoles.Buyer), stored, options.HistoryMessages);
        var chatOptions = new ChatOptions { Tools = tools.For(), MaxOutputTokens = ai.MaxOutputTokens, ToolMode = ChatToolMode.Auto };

        var reply = new StringBuilder();
        var redactor = new StreamedReplyRedactor();
        long promptTokens = 0, completionTokens = 0;
        string? answeringModel = null;
        Exception? failure = null;
        // Complete only when the model said it finished (stop, length); a stream that just ends broke off.
        var finished = false;
        var started = clock.GetTimestamp();
        await using (var updates = model.StreamAsync(history, chatOptions, cancellationToken).GetAsyncEnumerator(cancellationToken))
        {
            while (true)
            {
                ChatResponseUpdate update;
                try
                {
                    if (!await updates.MoveNextAsync())
                    {
                        break;
                    }

                    update = updates.Current;
                }
                catch (Exception ex)
                {
                    failure = ex;
                    break;
                }

                answeringModel ??= update.ModelId;
                if (update.FinishReason is { } finish)
                {
                    finished = finish != ChatFinishReason.ToolCalls;
                }
                foreach (var content in update.Contents)
                {
                    if (content is UsageContent usage)
                    {
                        promptTokens += usage.Details.InputTokenCount ?? 0;
                        completionTokens += usage.Details.OutputTokenCount ?? 0;
                    }
                }

                foreach (var tool in recorder.DrainTools())
                {
                    yield return Event("tool", new JsonObject
                    {
                        ["messageId"] = tool.MessageId.ToString(),
                        ["toolName"] = tool.Name,
                        ["status"] = tool.Status,
                        ["arguments"] = tool.Arguments,
                        ["result"] = tool.Result,
                    });
                }

                if (update.Role != ChatRole.Tool && !string.IsNullOrEmpty(update.Text))
                {
                    reply.Append(update.Text);
                    finished = update.FinishReason is { } done && done != ChatFinishReason.ToolCalls;
                    // Amounts in the model's text never show, not even while it streams: prices come from tool results.
                    if (redactor.Push(update.Text) is { Length: > 0 } shown)
                    {
                        yield return Event("delta", new JsonObject { ["text"] = shown });
                    }
                }
            }
        }

        var modelName = string.IsNullOrEmpty(answeringModel) ? model.Model : answeringModel;
        var cost = costs.CostUsd(modelName, promptTokens, completionTokens);
        var duration = clock.GetElapsedTime(started);
        // The buyer may have left: what was said is still recorded, with the tokens it cost.
        var stop = CancellationToken.None;
        if (cancellationToken.IsCancellationRequested)
        {
            // The buyer left (or the stream's time ran out): not the model's failure; nobody is there for an apology.
            failure = null;
        }
        else if (failure is null && !finished)
        {
            failure = new IOException("the model's reply broke off before it finished");
        }

        if (failure is null && !cancellationToken.IsCancellationRequested)
        {
            var message = await recorder.AddAsync(new AssistantMessage
            {
                Role = AssistantMessageRole.Assistant,
                Status = AssistantMessageStatus.Complete,
                Content = AssistantPrompt.WithoutFigures(reply.ToString()),
                Model = modelName,
                PromptTokens = (int)promptTokens,
                CompletionTokens = (int)completionTokens,
                CostUsd = Math.Round(cost, 6),
            }, stop);
            await AccountAsync(conversation, modelName, promptTokens, completionTokens, cost, duration, null, stop);
            if (redactor.Flush() is { Length: > 0 } rest)
            {
                yield return Event("delta", new JsonObject { ["text"] = rest });
            }

            yield return Event("message", Endpoints.Assistant.AssistantMessageDto.Json(message));
            yield break;
        }

        var reason = failure is null ? "the buyer left before the reply ended" : RetryingChatClient.Describe(failure);
        logger.LogWarning(failure, "Assistant turn of conversation {ConversationId} ended without a reply: {Reason}", conversation.Id, reason);
        await recorder.AddAsync(new AssistantMessage
        {
            Role = AssistantMessageRole.Assistant,
            Status = AssistantMessageStatus.Interrupted,
            Content = reply.ToString(),
            Model = modelName,
            PromptTokens = (int)promptTokens,
            CompletionTokens = (int)completionTokens,
            CostUsd = Math.Round(cost, 6),
        }, stop);
        await AccountAsync(conversation, modelName, promptTokens, completionTokens, cost, duration, reason, stop);
        if (failure is null)
        {
            yield break;
        }

        var apology = $"Sorry, the assistant cannot answer right now ({reason}). Please try again in a moment, or request your quote with the form at {AssistantPrompt.FormUrl}.";
        var note = await recorder.AddAsync(new AssistantMessage { Role = AssistantMessageRole.System, Status = AssistantMessageStatus.Complete, Content = apology }, stop);
        yield return Event("error", new JsonObject { ["detail"] = apology, ["formUrl"] = AssistantPrompt.FormUrl, ["message"] = Endpoints.Assistant.AssistantMessageDto.Json(note) });
    }

    /// <summary>Adds the turn's tokens and cost to the conversation and the AI usage log, then lets the cost watch judge the hour.</summary>
    private async Task AccountAsync(AssistantConversation conversation, string modelName, long promptTokens, long completionTokens, decimal cost, TimeSpan duration, string? error, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = marketplace.CreateContext();
        await using var write = await db.BeginWriteAsync(cancellationToken);
        var stored = await db.AssistantConversations.FindAsync([conversation.Id], cancellationToken);
        if (stored is not null)
        {
            stored.PromptTokens += promptTokens;
            stored.CompletionTokens += completionTokens;
            stored.CostUsd += Math.Round(cost, 6);
            stored.UpdatedAt = now;
        }

        db.AiUsage.Add(new AiUsage
        {
            At = now,
            Model = modelName,
            PromptTokens = (int)promptTokens,
            CompletionTokens = (int)completionTokens,
            CostUsd = Math.Round(cost, 6),
            DurationMs = (int)duration.TotalMilliseconds,
            Succeeded = error is null,
            Error = error,
        });
        await db.SaveChangesAsync(cancellationToken);
        await watch.CheckAsync(db, now, logger, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await write.CommitAsync(cancellationToken);
    }

    private static SseItem<JsonObject> Event(string kind, JsonObject data) => new(data, kind);
}
