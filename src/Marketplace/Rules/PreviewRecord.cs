using System.Text.Json.Nodes;

namespace Sleek.Workflows.Marketplace.Rules;

/// <summary>One order or quote in a preview: its outcome under the current rules and under the candidate.</summary>
/// <param name="Id">The order's or quote's id.</param>
/// <param name="Number">Its number, e.g. <c>ORD-2026-0001</c>.</param>
/// <param name="Old">The outcome with the current rules.</param>
/// <param name="New">The outcome with the candidate rules.</param>
/// <param name="Changed">True when the outcomes differ.</param>
public sealed record PreviewRecord(Guid Id, string Number, JsonNode? Old, JsonNode? New, bool Changed);
