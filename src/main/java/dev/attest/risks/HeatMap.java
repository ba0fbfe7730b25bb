package dev.attest.risks;

import java.util.List;

/**
 * How many risks sit in each cell of the 5×5 grid, inherent and residual.
 *
 * @param inherent counts indexed [likelihood - 1][impact - 1]
 * @param residual counts indexed [likelihood - 1][impact - 1]
 */
public record HeatMap(int[][] inherent, int[][] residual) {

    public static HeatMap of(List<Risk> risks) {
        int[][] inherent = new int[5][5];
        int[][] residual = new int[5][5];
        for (Risk r : risks) {
            inherent[r.inherentLikelihood() - 1][r.inherentImpact() - 1]++;
            residual[r.residualLikelihood() - 1][r.residualImpact() - 1]++;
        }
        return new HeatMap(inherent, residual);
    }
}
