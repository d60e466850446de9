using System.Text.Json.Nodes;

namespace Sleek.Workflows.Host.Endpoints.Live;

/// <summary>
/// One event of a live stream (<c>text/event-stream</c>); the SSE event's <c>id</c> is its journal sequence, which a
/// reconnecting client sends back as <c>Last-Event-ID</c> to get what it missed.
/// </summary>
/// <param name="Kind">
/// Order streams: <c>status</c> (the order's new status and why), <c>stage</c> (a production stage started or completed),
/// <c>invoice-paid</c>, <c>shipment</c>, <c>task-opened</c> / <c>task-closed</c>. Instance streams: <c>journal</c> (an
/// entry of the instance's journal, as <c>GET /api/instances/{id}/journal</c> gives it).
/// </param>
/// <param name="Sequence">The journal sequence the event came from (also the SSE id).</param>
/// <param name="At">When it happened (UTC).</param>
/// <param name="ActivityId">The workflow step it came from.</param>
/// <param name="Data">What the kind carries (status and reason, stage name and sequence, carrier and tracking, a journal entry…).</param>
public sealed record LiveEvent(string Kind, long Sequence, DateTime At, string ActivityId, JsonObject Data);
