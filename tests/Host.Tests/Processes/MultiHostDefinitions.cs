using System.Text.Json.Nodes;

namespace Sleek.Workflows.Host.Tests.Processes;

/// <summary>The small workflows the multi-host batch mixes: a timer, an event, a human task, all three in a row, and a slow partner call.</summary>
internal static class MultiHostDefinitions
{
    /// <summary>Delay(input.delay, real time) → done.</summary>
    public static JsonObject Timer() => Parse("""
        {
          "definitionId": "mh-timer", "version": 1, "name": "Timer",
          "inputs": [ { "name": "delay", "type": "string", "required": true } ],
          "variables": [ { "name": "done", "type": "boolean", "default": false } ],
          "root": {
            "activities": [
              { "id": "start", "type": "Start" },
              { "id": "delay", "type": "Delay", "inputs": { "duration": { "$js": "input.delay" } } },
              { "id": "finish", "type": "SetVariable", "inputs": { "variable": "done", "value": true } },
              { "id": "end", "type": "End" }
            ],
            "connections": [
              { "source": { "activity": "start" }, "target": { "activity": "delay" } },
              { "source": { "activity": "delay" }, "target": { "activity": "finish" } },
              { "source": { "activity": "finish" }, "target": { "activity": "end" } }
            ]
          }
        }
        """);

    /// <summary>WaitForEvent(Go, the instance's correlation id) → done.</summary>
    public static JsonObject Event() => Parse("""
        {
          "definitionId": "mh-event", "version": 1, "name": "Event",
          "variables": [ { "name": "done", "type": "boolean", "default": false } ],
          "root": {
            "activities": [
              { "id": "start", "type": "Start" },
              { "id": "wait", "type": "WaitForEvent", "inputs": { "eventName": "Go" } },
              { "id": "finish", "type": "SetVariable", "inputs": { "variable": "done", "value": true } },
              { "id": "end", "type": "End" }
            ],
            "connections": [
              { "source": { "activity": "start" }, "target": { "activity": "wait" } },
              { "source": { "activity": "wait" }, "target": { "activity": "finish" } },
              { "source": { "activity": "finish" }, "target": { "activity": "end" } }
            ]
          }
        }
        """);

    /// <summary>HumanTask (ops, outcome Approve) → done.</summary>
    public static JsonObject Task() => Parse("""
        {
          "definitionId": "mh-task", "version": 1, "name": "Task",
          "variables": [ { "name": "done", "type": "boolean", "default": false } ],
          "root": {
            "activities": [
              { "id": "start", "type": "Start" },
              { "id": "check", "type": "HumanTask", "inputs": { "title": "Check it", "role": "ops", "outcomes": [ "Approve" ] } },
              { "id": "finish", "type": "SetVariable", "inputs": { "variable": "done", "value": true } },
              { "id": "end", "type": "End" }
            ],
            "connections": [
              { "source": { "activity": "start" }, "target": { "activity": "check" } },
              { "source": { "activity": "check", "port": "Approve" }, "target": { "activity": "finish" } },
              { "source": { "activity": "finish" }, "target": { "activity": "end" } }
            ]
          }
        }
        """);

    /// <summary>Delay(PT2S) → WaitForEvent(Go) → HumanTask → done: three waits, three resumes.</summary>
    public static JsonObject Mixed() => Parse("""
        {
          "definitionId": "mh-mixed", "version": 1, "name": "Timer, event and task",
          "variables": [ { "name": "done", "type": "boolean", "default": false } ],
          "root": {
            "activities": [
              { "id": "start", "type": "Start" },
              { "id": "delay", "type": "Delay", "inputs": { "duration": "PT2S" } },
              { "id": "wait", "type": "WaitForEvent", "inputs": { "eventName": "Go" } },
              { "id": "check", "type": "HumanTask", "inputs": { "title": "Check it", "role": "ops", "outcomes": [ "Approve" ] } },
              { "id": "finish", "type": "SetVariable", "inputs": { "variable": "done", "value": true } },
              { "id": "end", "type": "End" }
            ],
            "connections": [
              { "source": { "activity": "start" }, "target": { "activity": "delay" } },
              { "source": { "activity": "delay" }, "target": { "activity": "wait" } },
              { "source": { "activity": "wait" }, "target": { "activity": "check" } },
              { "source": { "activity": "check", "port": "Approve" }, "target": { "activity": "finish" } },
              { "source": { "activity": "finish" }, "target": { "activity": "end" } }
            ]
          }
        }
        """);

    /// <summary>Calls <paramref name="url"/> (up to 300 s) → done: a burst that lasts as long as the partner takes.</summary>
    public static JsonObject SlowCall(string url) => Parse($$"""
        {
          "definitionId": "mh-slow", "version": 1, "name": "Slow partner call",
          "variables": [ { "name": "done", "type": "boolean", "default": false } ],
          "root": {
            "activities": [
              { "id": "start", "type": "Start" },
              { "id": "call", "type": "HttpRequest", "inputs": { "url": "{{url}}", "timeoutSeconds": 300 } },
              { "id": "finish", "type": "SetVariable", "inputs": { "variable": "done", "value": true } },
              { "id": "end", "type": "End" }
            ],
            "connections": [
              { "source": { "activity": "start" }, "target": { "activity": "call" } },
              { "source": { "activity": "call", "port": "Success" }, "target": { "activity": "finish" } },
              { "source": { "activity": "finish" }, "target": { "activity": "end" } }
            ]
          }
        }
        """);

    private static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();
}
