-- Scheduled jobs run once across all instances, not once per instance (common/ClusterJobs):
-- an instance runs a job only while holding its advisory lock and only when no instance has
-- started it within its period; this row says when one last did.
CREATE TABLE job_run (
    job             text PRIMARY KEY,
    last_started_at timestamptz NOT NULL
);
