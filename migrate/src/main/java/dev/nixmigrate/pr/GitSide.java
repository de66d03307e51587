package dev.nixmigrate.pr;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEditor;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefLeaseSpec;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * The bot's git work, done without touching the user's working tree, index or HEAD: it reads the
 * remote's branches, fetches them into the remote-tracking refs, checks a commit's tree out into a
 * folder of its own, makes the new commit from objects alone, and pushes it with a lease.
 */
final class GitSide {
  private final Repository repo;
  private final String remote;
  private final CredentialsProvider credentials;
  private final Secret token;

  GitSide(Repository repo, String remote, CredentialsProvider credentials, Secret token) {
    this.repo = repo;
    this.remote = remote;
    this.credentials = credentials;
    this.token = token;
  }

  /** A git failure as an error whose message cannot hold the token. */
  private ForgeException failed(String what, Exception e) {
    String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    String redacted = token == null ? msg : token.redact(msg);
    return new ForgeException(0, "git: " + what + " failed: " + redacted);
  }

  /** The remote's branches and their tips, by short name. */
  Map<String, ObjectId> branches() {
    Map<String, ObjectId> out = new HashMap<>();
    for (Ref r : advertised()) {
      if (r.getName().startsWith(Constants.R_HEADS)) {
        out.put(Repository.shortenRefName(r.getName()), r.getObjectId());
      }
    }
    return out;
  }

  /** The branch the remote's HEAD names (its default branch), or null when it does not say. */
  String remoteDefaultBranch() {
    java.util.Collection<Ref> refs = advertised();
    ObjectId head = null;
    for (Ref r : refs) {
      if (r.getName().equals(Constants.HEAD)) {
        if (r.isSymbolic()) {
          return Repository.shortenRefName(r.getTarget().getName());
        }
        head = r.getObjectId();
      }
    }
    // A server that does not name HEAD's branch: the one branch at HEAD's commit, else what the
    // clone recorded as the remote's HEAD, else the one of main and master the remote has.
    List<String> atHead = new ArrayList<>();
    java.util.Set<String> branches = new java.util.HashSet<>();
    for (Ref r : refs) {
      if (r.getName().startsWith(Constants.R_HEADS)) {
        String name = Repository.shortenRefName(r.getName());
        branches.add(name);
        if (r.getObjectId() != null && r.getObjectId().equals(head)) {
          atHead.add(name);
        }
      }
    }
    if (atHead.size() == 1) {
      return atHead.get(0);
    }
    try {
      Ref recorded = repo.exactRef(Constants.R_REMOTES + remote + "/" + Constants.HEAD);
      if (recorded != null && recorded.isSymbolic()) {
        String name =
            recorded.getTarget().getName().substring((Constants.R_REMOTES + remote + "/").length());
        if (branches.contains(name)) {
          return name;
        }
      }
    } catch (IOException e) {
      // Not recorded: go on guessing from the names.
    }
    List<String> usual =
        java.util.stream.Stream.of("main", "master").filter(branches::contains).toList();
    return usual.size() == 1 ? usual.get(0) : null;
  }

  private java.util.Collection<Ref> advertised() {
    try {
      return Git.wrap(repo).lsRemote().setRemote(remote).setCredentialsProvider(credentials).call();
    } catch (GitAPIException e) {
      throw failed("reading the branches of " + remote, e);
    }
  }

  /** Fetches the branches into {@code refs/remotes/REMOTE/...}, as git fetch does. */
  void fetch(List<String> names) {
    List<RefSpec> specs = new ArrayList<>();
    for (String n : names) {
      specs.add(new RefSpec("+refs/heads/" + n + ":refs/remotes/" + remote + "/" + n));
    }
    try {
      Git.wrap(repo)
          .fetch()
          .setRemote(remote)
          .setRefSpecs(specs)
          .setCredentialsProvider(credentials)
          .call();
    } catch (GitAPIException e) {
      throw failed("fetching " + String.join(", ", names) + " from " + remote, e);
    }
  }

  /** Writes the files of {@code commit} into {@code dir} (which must be empty). */
  void checkout(ObjectId commit, Path dir) throws IOException {
    try (RevWalk rw = new RevWalk(repo);
        TreeWalk tw = new TreeWalk(repo)) {
      tw.addTree(rw.parseCommit(commit).getTree());
      tw.setRecursive(true);
      while (tw.next()) {
        FileMode mode = tw.getFileMode(0);
        if (mode == FileMode.GITLINK) {
          continue; // a submodule: not checked out
        }
        Path target = dir.resolve(tw.getPathString()).normalize();
        if (!target.startsWith(dir)) {
          continue;
        }
        Files.createDirectories(target.getParent());
        byte[] bytes = repo.open(tw.getObjectId(0)).getBytes();
        if (mode == FileMode.SYMLINK) {
          Files.createSymbolicLink(
              target, Path.of(new String(bytes, java.nio.charset.StandardCharsets.UTF_8)));
        } else {
          Files.write(target, bytes);
          if (mode == FileMode.EXECUTABLE_FILE) {
            target.toFile().setExecutable(true);
          }
        }
      }
    }
  }

  /**
   * The tree of {@code parent} with these files set (path to content; null content deletes the
   * file), as a new tree id.
   */
  ObjectId tree(ObjectId parent, Map<String, byte[]> files) throws IOException {
    DirCache dc = DirCache.newInCore();
    try (RevWalk rw = new RevWalk(repo);
        ObjectReader reader = repo.newObjectReader();
        ObjectInserter ins = repo.newObjectInserter()) {
      DirCacheBuilder b = dc.builder();
      b.addTree(new byte[0], DirCacheEntry.STAGE_0, reader, rw.parseCommit(parent).getTree());
      b.finish();
      DirCacheEditor ed = dc.editor();
      for (Map.Entry<String, byte[]> f : files.entrySet()) {
        if (f.getValue() == null) {
          ed.add(new DirCacheEditor.DeletePath(f.getKey()));
          continue;
        }
        ObjectId blob = ins.insert(Constants.OBJ_BLOB, f.getValue());
        ed.add(
            new DirCacheEditor.PathEdit(f.getKey()) {
              @Override
              public void apply(DirCacheEntry ent) {
                ent.setFileMode(FileMode.REGULAR_FILE);
                ent.setObjectId(blob);
              }
            });
      }
      ed.finish();
      ObjectId tree = dc.writeTree(ins);
      ins.flush();
      return tree;
    }
  }

  /** The content of {@code path} in {@code commit}, or null. */
  byte[] read(ObjectId commit, String path) throws IOException {
    try (RevWalk rw = new RevWalk(repo);
        TreeWalk tw = TreeWalk.forPath(repo, path, rw.parseCommit(commit).getTree())) {
      return tw == null ? null : repo.open(tw.getObjectId(0)).getBytes();
    }
  }

  ObjectId treeOf(ObjectId commit) throws IOException {
    try (RevWalk rw = new RevWalk(repo)) {
      return rw.parseCommit(commit).getTree().getId();
    }
  }

  /** A commit of {@code tree} on {@code parent}. */
  ObjectId commit(ObjectId parent, ObjectId tree, PersonIdent who, String message)
      throws IOException {
    try (ObjectInserter ins = repo.newObjectInserter()) {
      CommitBuilder c = new CommitBuilder();
      c.setTreeId(tree);
      c.setParentId(parent);
      c.setAuthor(who);
      c.setCommitter(who);
      c.setMessage(message);
      ObjectId id = ins.insert(c);
      ins.flush();
      return id;
    }
  }

  /** The commits on {@code tip} that {@code base} does not have, newest first. */
  List<RevCommit> ahead(ObjectId tip, ObjectId base) throws IOException {
    List<RevCommit> out = new ArrayList<>();
    try (RevWalk rw = new RevWalk(repo)) {
      rw.markStart(rw.parseCommit(tip));
      rw.markUninteresting(rw.parseCommit(base));
      for (RevCommit c : rw) {
        out.add(c);
      }
    }
    return out;
  }

  /**
   * Pushes {@code commit} to {@code branch} if the remote branch is still at {@code expected}
   * (absent when null); false when it moved meanwhile.
   */
  boolean push(ObjectId commit, String branch, ObjectId expected) {
    String ref = "refs/heads/" + branch;
    try {
      Iterable<PushResult> results =
          Git.wrap(repo)
              .push()
              .setRemote(remote)
              .setCredentialsProvider(credentials)
              .setRefSpecs(new RefSpec("+" + commit.name() + ":" + ref))
              .setRefLeaseSpecs(
                  new RefLeaseSpec(ref, (expected == null ? ObjectId.zeroId() : expected).name()))
              .call();
      for (PushResult r : results) {
        RemoteRefUpdate u = r.getRemoteUpdate(ref);
        if (u == null) {
          continue;
        }
        switch (u.getStatus()) {
          case OK, UP_TO_DATE -> {
            return true;
          }
          case REJECTED_REMOTE_CHANGED, REJECTED_NONFASTFORWARD -> {
            return false;
          }
          case REJECTED_OTHER_REASON -> {
            // A server that lost a race for the ref's lock says so only in words: look again.
            if (!java.util.Objects.equals(branches().get(branch), expected)) {
              return false;
            }
            throw refused(branch, u);
          }
          default -> throw refused(branch, u);
        }
      }
      throw new ForgeException(0, "git: pushing " + branch + " gave no result");
    } catch (GitAPIException e) {
      throw failed("pushing " + branch + " to " + remote, e);
    }
  }

  private ForgeException refused(String branch, RemoteRefUpdate u) {
    return new ForgeException(
        0,
        "git: pushing "
            + branch
            + " was refused ("
            + u.getStatus()
            + (u.getMessage() == null ? "" : ": " + redact(u.getMessage()))
            + "); the token may lack the permission to push");
  }

  private String redact(String s) {
    return token == null ? s : token.redact(s);
  }
}
