/** Background jobs: the db-scheduler runner that modules hand their one-time and recurring tasks to. */
package io.bridgehead.shared.jobs;
