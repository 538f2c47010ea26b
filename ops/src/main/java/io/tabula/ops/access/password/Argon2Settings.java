package io.tabula.ops.access.password;

/**
 * Argon2id cost parameters. They are written into every hash (PHC string format), so raising them
 * later needs no migration: a sign-in whose stored hash has lower parameters rehashes it.
 *
 * @param memoryKiB memory per hash in KiB
 * @param iterations passes over the memory
 * @param parallelism lanes
 */
public record Argon2Settings(int memoryKiB, int iterations, int parallelism) {

  /**
   * OWASP Password Storage Cheat Sheet (2025), first of its equivalent Argon2id configurations:
   * m=19456 (19 MiB), t=2, p=1.
   */
  public static final Argon2Settings OWASP = new Argon2Settings(19 * 1024, 2, 1);

  public Argon2Settings {
    if (memoryKiB < 8 * parallelism || iterations < 1 || parallelism < 1) {
      throw new IllegalArgumentException(
          "Argon2id needs iterations >= 1, parallelism >= 1 and memory >= 8 KiB per lane;"
              + " use Argon2Settings.OWASP");
    }
  }

  /** Whether a hash made with these settings is cheaper to attack than one made with {@code o}. */
  public boolean weakerThan(Argon2Settings o) {
    return memoryKiB < o.memoryKiB || iterations < o.iterations || parallelism < o.parallelism;
  }
}
