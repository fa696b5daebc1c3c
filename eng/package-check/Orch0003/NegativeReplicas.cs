using Orchestration;

// ORCH0003: a replica count below zero, caught at compile time.
[Workload("api", Image = "shop/api:1", Replicas = -2)]
public partial class Api;
