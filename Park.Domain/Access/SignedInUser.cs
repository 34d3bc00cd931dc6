namespace Park.Domain.Access;

/// <summary>A signed-in, active user: what they may see, the stamp their cookie must carry, and their light/dark choice.</summary>
public sealed record SignedInUser(AccessScope Scope, string SecurityStamp, bool DarkMode);
