using System.Text.Json.Nodes;

namespace Sleek.Workflows.Engine.Activities.BuiltIn;

/// <summary>Waits until an event with this name and correlation key is published, or its token is resumed.</summary>
[Activity("WaitForEvent", InProcess = true, Category = "Events", DisplayName = "Wait for event", Description = "Waits for a named event (POST /api/events/{name} with the correlation id) or a resume by token.", OutputType = "object")]
public sealed class WaitForEvent : IResumableActivity
{
    /// <summary>The event name, e.g. <c>PaymentReceived</c>.</summary>
    [Input(Required = true, Description = "Event name, e.g. QuoteAccepted.")]
    public string EventName { get; set; } = "";

    /// <summary>Key a publisher must give; defaults to the instance's correlation id.</summary>
    [Input(Description = "Correlation key a publisher must give; default: the instance's correlation id.")]
    public string? CorrelationKey { get; set; }

    /// <inheritdoc />
    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        if (string.IsNullOrWhiteSpace(EventName))
        {
            return ValueTask.FromResult(ActivityResult.Fault("eventName evaluated to an empty string"));
        }

        var key = string.IsNullOrEmpty(CorrelationKey) ? context.CorrelationId : CorrelationKey;
        var data = new JsonObject { ["eventName"] = EventName, ["correlationKey"] = key };
        return ValueTask.FromResult(ActivityResult.Wait(new BookmarkRequest(EventName, key, Data: data)));
    }

    /// <inheritdoc />
    public ValueTask<ActivityResult> ResumeAsync(ActivityContext context, ResumeInput resume) =>
        ValueTask.FromResult(ActivityResult.Done(resume.Payload?.DeepClone()));
}
