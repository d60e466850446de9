using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Sleek.Workflows.Engine.Persistence;
using Sleek.Workflows.Engine.Runtime;
using Sleek.Workflows.Host.Auth;
using Sleek.Workflows.Marketplace.Assistant;
using Sleek.Workflows.Marketplace.Persistence;

namespace Sleek.Workflows.Host.Assistant;

/// <summary>
/// Hands a conversation to ops: starts the <c>assistant-handover</c> workflow (correlation id = conversation id), whose
/// HumanTask for ops carries the buyer, the reason and the transcript; ops read the whole conversation at
/// <c>GET /api/assistant/conversations/{id}</c>. One hand-over per conversation: a second call answers with the first.
/// </summary>
internal sealed class AssistantHandover(MarketplaceDb marketplace, WorkflowRuntime runtime, TimeProvider clock, ILogger<AssistantHandover> logger)
{
    private const int TranscriptChars = 4000;

    /// <summary>Starts the hand-over (or finds the earlier one); the tool's result.</summary>
    public async Task<JsonObject> StartAsync(AssistantConversation conversation, SleekCaller caller, string reason, CancellationToken cancellationToken)
    {
        await using var db = marketplace.CreateContext();
        var stored = await db.AssistantConversations.SingleAsync(c => c.Id == conversation.Id, cancellationToken);
        if (stored.HandoverInstanceId is not null)
        {
            return new JsonObject { ["handedOver"] = true, ["already"] = true, ["note"] = "Operations already have this conversation and will answer by e-mail." };
        }

        var input = new JsonObject
        {
            ["conversationId"] = conversation.Id.ToString(),
            ["buyer"] = caller.Name ?? caller.Id ?? "anonymous",
            ["reason"] = reason,
            ["transcript"] = await TranscriptAsync(db, conversation.Id, cancellationToken),
        };
        var started = await runtime.StartAsync(new StartRequest(AssistantTools.HandoverWorkflowId, null, conversation.Id.ToString(), input), cancellationToken);
        if (started.Value is not { } instance)
        {
            logger.LogError("Assistant hand-over of conversation {ConversationId} could not start the {WorkflowId} workflow: {Message}", conversation.Id, AssistantTools.HandoverWorkflowId, started.Message);
            return new JsonObject { ["handedOver"] = false, ["error"] = "The hand-over could not be opened; the buyer may write to support by e-mail." };
        }

        stored.HandoverInstanceId = instance.Id;
        stored.Status = AssistantConversationStatus.HandedOver;
        stored.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.WriteAsync(cancellationToken);
        conversation.HandoverInstanceId = instance.Id;
        conversation.Status = AssistantConversationStatus.HandedOver;
        return new JsonObject { ["handedOver"] = true, ["note"] = "Operations have the conversation and will answer by e-mail." };
    }

    private static async Task<string> TranscriptAsync(MarketplaceDbContext db, Guid conversationId, CancellationToken cancellationToken)
    {
        var messages = await db.AssistantMessages.AsNoTracking()
            .Where(m => m.ConversationId == conversationId && (m.Role == AssistantMessageRole.User || m.Role == AssistantMessageRole.Assistant) && m.Status == AssistantMessageStatus.Complete)
            .OrderByDescending(m => m.Sequence).Take(20).ToListAsync(cancellationToken);
        var text = new StringBuilder();
        foreach (var m in messages.OrderBy(m => m.Sequence))
        {
            text.Append(m.Role == AssistantMessageRole.User ? "Buyer: " : "Assistant: ").AppendLine(m.Content);
        }

        return text.Length <= TranscriptChars ? text.ToString() : "…" + text.ToString()[^TranscriptChars..];
    }
}
