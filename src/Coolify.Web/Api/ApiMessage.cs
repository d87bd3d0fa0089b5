namespace Coolify.Web.Api;

/// <summary>Coolify's error body: <c>{"message": "..."}</c>.</summary>
public sealed record ApiMessage(string Message);

/// <summary>What Coolify answers when something was created: <c>{"uuid": "..."}</c>.</summary>
public sealed record UuidResponse(string Uuid);
