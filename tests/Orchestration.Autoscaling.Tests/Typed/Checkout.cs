namespace Orchestration.Autoscaling.Tests.Typed;

[Workload("checkout", Image = "orchestration/busybox:1")]
[Port("http", 8080)]
[Resources(Cpu = "100m", Memory = "32Mi")]
[Autoscale(0, 5, CpuUtilization = 60, RequestsPerSecond = 20, IdleSeconds = 120, ScaleDownWindowSeconds = 30, SyncPeriodSeconds = 5)]
[AutoscaleInstrument("Shop.Checkout", "checkout.carts_open", 15)]
[AutoscaleInstrument("Shop.Checkout", "checkout.payments", 2.5)]
public sealed partial class Checkout;
