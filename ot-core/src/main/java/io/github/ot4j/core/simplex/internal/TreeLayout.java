package io.github.ot4j.core.simplex.internal;

import io.github.ot4j.core.SolverStatus;
import io.github.ot4j.core.TransportSolverException;

import java.util.Arrays;

/**
 * The start of a {@link SpanningTree}: lays out a spanning forest of real arcs plus artificial root arcs in the
 * tree's parent, predecessor, thread, subtree-size and last-successor arrays, once per solve. Split from the tree so
 * that the tree's file holds the pivot loop and what it maintains.
 */
final class TreeLayout {

    private TreeLayout() {
    }

    /**
     * Lays out the tree of the given real and artificial arcs in the thread/parent arrays by a depth-first walk (the
     * tree then sets its flows).
     *
     * @param tree   the tree, its arrays overwritten
     * @param forest the real arcs and the nodes hanging from the root by their artificial arc ({@code artUp} and
     *               {@code artCost} set)
     * @throws TransportSolverException with {@link SolverStatus#FAILED} when the arcs do not span every node
     */
    static void layOut(SpanningTree tree, GreedyForest forest) {
        int nodes = tree.n + tree.m + 1;
        int forestSize = forest.size();
        int edges = forestSize + forest.artCount();
        int[] head = new int[nodes];
        Arrays.fill(head, -1);
        int[] next = new int[2 * edges];
        int[] other = new int[2 * edges];
        long[] arcOf = new long[2 * edges];
        int k = 0;
        for (int f = 0; f < edges; f++) {
            long e;
            int s;
            int t;
            if (f < forestSize) {
                e = forest.arc(f);
                s = tree.arcs.source(e);
                t = tree.arcs.target(e);
                tree.inTree.set(e, true);
            } else {
                int w = forest.artNode(f - forestSize);
                e = -1 - w;
                s = w;
                t = tree.root;
            }
            other[k] = t;
            arcOf[k] = e;
            next[k] = head[s];
            head[s] = k++;
            other[k] = s;
            arcOf[k] = e;
            next[k] = head[t];
            head[t] = k++;
        }
        int[] stack = new int[nodes];
        boolean[] seen = new boolean[nodes];
        int sp = 0;
        stack[sp++] = tree.root;
        seen[tree.root] = true;
        tree.parent[tree.root] = -1;
        tree.pred[tree.root] = Long.MIN_VALUE;
        int previous = -1;
        int visited = 0;
        while (sp > 0) {
            int x = stack[--sp];
            visited++;
            if (previous >= 0) {
                tree.thread[previous] = x;
                tree.revThread[x] = previous;
            }
            previous = x;
            for (int h = head[x]; h >= 0; h = next[h]) {
                int w = other[h];
                if (!seen[w]) {
                    seen[w] = true;
                    tree.parent[w] = x;
                    tree.pred[w] = arcOf[h];
                    tree.predDir[w] = tree.source(arcOf[h]) == w ? SpanningTree.UP : SpanningTree.DOWN;
                    stack[sp++] = w;
                }
            }
        }
        if (visited != nodes) {
            throw new TransportSolverException(SolverStatus.FAILED, "the starting basis spans " + visited + " of "
                    + nodes + " nodes");
        }
        tree.thread[previous] = tree.root;
        tree.revThread[tree.root] = previous;
        // subtree sizes and last successors, children before parents (reverse preorder)
        Arrays.fill(tree.succNum, 1);
        boolean[] hasLast = new boolean[nodes];
        for (int x = 0; x < nodes; x++) {
            tree.lastSucc[x] = x;
        }
        for (int x = tree.revThread[tree.root]; x != tree.root; x = tree.revThread[x]) {
            int p = tree.parent[x];
            tree.succNum[p] += tree.succNum[x];
            if (!hasLast[p]) {
                hasLast[p] = true;
                tree.lastSucc[p] = tree.lastSucc[x];
            }
        }
    }
}
