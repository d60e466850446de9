using System.ClientModel;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace Sleek.Workflows.Marketplace.Assistant;

/// <summary>
/// Retries one model call that timed out, got 429 or 5xx, or could not reach the server, with a doubling wait
/// (<see cref="AssistantOptions.Attempts"/>, <see cref="AssistantOptions.RetryDelaySeconds"/>). A streamed call is retried
/// only while nothing of it has been handed on: once a token went to the buyer, a failure is the caller's to report
/// (the half reply is kept as interrupted, never as complete).
/// </summary>
public sealed class RetryingChatClient(IChatClient inner, AssistantOptions options, ILogger logger) : DelegatingChatClient(inner)
{
    /// <inheritdoc />
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? chatOptions = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var list = messages as IList<ChatMessage> ?? messages.ToList();
        for (var attempt = 1; ; attempt++)
        {
            await using var updates = base.GetStreamingResponseAsync(list, chatOptions, cancellationToken).GetAsyncEnumerator(cancellationToken);
            ChatResponseUpdate? first = null;
            Exception? failure = null;
            try
            {
                if (await updates.MoveNextAsync())
                {
                    first = updates.Current;
                }
            }
            catch (Exception ex) when (IsTransient(ex, cancellationToken) && attempt < options.Attempts)
            {
                failure = ex;
            }

            if (failure is not null)
            {
                var wait = TimeSpan.FromSeconds(options.RetryDelaySeconds * Math.Pow(2, attempt - 1));
                logger.LogWarning("Assistant model call failed (attempt {Attempt} of {Attempts}): {Reason}; retrying in {WaitSeconds} s", attempt, options.Attempts, Describe(failure), wait.TotalSeconds);
                await Task.Delay(wait, cancellationToken);
                continue;
            }

            if (first is null)
            {
                yield break;
            }

            yield return first;
            while (await updates.MoveNextAsync())
            {
                yield return updates.Current;
            }

            yield break;
        }
    }

    /// <summary>Timeouts, 408, 429, 5xx and unreachable servers; never the caller's own cancellation.</summary>
    public static bool IsTransient(Exception ex, CancellationToken cancellationToken) => ex switch
    {
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        ClientResultException c => c.Status is 0 or 408 or 429 or >= 500,
        HttpRequestException => true,
        IOException => true,
        _ => false,
    };

    /// <summary>A short reason for the log and the stored message.</summary>
    public static string Describe(Exception ex) => ex switch
    {
        OperationCanceledException => "the model did not answer in time",
        ClientResultException { Status: 0 } => "the model server could not be reached",
        ClientResultException c => $"the model server answered HTTP {c.Status}",
        IOException => ex.Message.Split('\n', 2)[0],
        _ => ex.GetType().Name + ": " + ex.Message.Split('\n', 2)[0],
    };
}
