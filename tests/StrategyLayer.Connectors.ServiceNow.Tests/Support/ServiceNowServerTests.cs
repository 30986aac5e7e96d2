using Xunit;

namespace StrategyLayer.Connectors.ServiceNow.Tests.Support;

/// <summary>A test class against the fake instance: one server per class, emptied before each test.</summary>
public abstract class ServiceNowServerTests : IClassFixture<ServiceNowServer>
{
    protected ServiceNowServerTests(ServiceNowServer sn)
    {
        Sn = sn;
        Sn.Reset();
    }

    protected ServiceNowServer Sn { get; }
}
