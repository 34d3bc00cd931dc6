namespace Park.Tests.Staffing;

/// <summary>The real app on a temporary database with the demo seeded, shared by a test class.</summary>
public sealed class StaffingWorld : IAsyncLifetime
{
    public ParkAppFactory Factory { get; } = new();

    public async ValueTask InitializeAsync() => await Factory.AccountsAsync();

    public async ValueTask DisposeAsync() => await Factory.DisposeAsync();
}
