using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Sleek.Workflows.Engine.Persistence;
using Sleek.Workflows.Marketplace.Assistant;
using Sleek.Workflows.Marketplace.Persistence;

namespace Sleek.Workflows.Host.Assistant;

/// <summary>
/// Stores one turn's messages in order (the turn runs one step at a time, so the sequence is counted here) and queues
/// the tool calls for the stream to report.
/// </summary>
internal sealed class AssistantTurnRecorder(MarketplaceDb marketplace, Guid conversationId, int nextSequence, TimeProvider clock)
{
    private readonly ConcurrentQueue<AssistantToolEvent> _tools = new();
    private int _sequence = nextSequence;

    /// <summary>Stores a message with the next sequence; returns it.</summary>
    public async Task<AssistantMessage> AddAsync(AssistantMessage message, CancellationToken cancellationToken)
    {
        message.ConversationId = conversationId;
        message.Sequence = Interlocked.Increment(ref _sequence) - 1;
        message.CreatedAt = clock.GetUtcNow().UtcDateTime;
        await using var db = marketplace.CreateContext();
        db.AssistantMessages.Add(message);
        await db.WriteAsync(cancellationToken);
        return message;
    }

    /// <summary>Stores a tool call and queues it for the stream; returns the message id.</summary>
    public async Task<Guid> ToolAsync(string tool, string? callId, JsonNode? arguments, JsonObject result, AssistantMessageStatus status, CancellationToken cancellationToken)
    {
        var message = await AddAsync(new AssistantMessage
        {
            Role = AssistantMessageRole.Tool,
            Status = status,
            ToolName = tool,
            ToolCallId = callId,
            ToolArguments = arguments?.ToJsonString(),
            ToolResult = result.ToJsonString(),
        }, cancellationToken);
        if (status == AssistantMessageStatus.AwaitingConfirmation)
        {
            result["proposalId"] = message.Id.ToString();
        }

        _tools.Enqueue(new AssistantToolEvent(message.Id, tool, AssistantStatusNames.Of(status), arguments?.DeepClone(), (JsonObject)result.DeepClone()));
        return message.Id;
    }

    /// <summary>The tool calls stored since the last call.</summary>
    public IEnumerable<AssistantToolEvent> DrainTools()
    {
        while (_tools.TryDequeue(out var tool))
        {
            yield return tool;
        }
    }
}
