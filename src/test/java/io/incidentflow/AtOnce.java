package io.incidentflow;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Races a job of an incident against a person's (or a client's) action on it, both let go at one moment. */
public final class AtOnce {

  private AtOnce() {
  }

  /**
   * Runs the job's part and the person's part at the same moment; the job's may lose (the executor runs it
   * again): its outcome is null or what it threw, the person's is what {@code person} answered.
   */
  public static List<Object> run(Runnable job, Callable<Object> person) throws Exception {
    CyclicBarrier start = new CyclicBarrier(2);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      Future<Object> jobRun = threads.submit(() -> {
        start.await();
        job.run();
        return null;
      });
      Future<Object> personRun = threads.submit(() -> {
        start.await();
        return person.call();
      });
      List<Object> outcomes = new ArrayList<>();
      try {
        outcomes.add(jobRun.get(60, TimeUnit.SECONDS));
      } catch (ExecutionException lostRace) {
        outcomes.add(lostRace.getCause());
      }
      outcomes.add(personRun.get(60, TimeUnit.SECONDS));
      return outcomes;
    } finally {
      threads.shutdown();
    }
  }
}
