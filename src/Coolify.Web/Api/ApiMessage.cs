namespace Coolify.Web.Api;

/// <summary>Coolify's error body: <c>{"message": "..."}</c>.</summary>
public sealed record ApiMessage(string Message);
