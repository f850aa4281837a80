-- The Zalo Official Account: a platform of its own (its user ids are not Zalo Bot ids).
ALTER TYPE "Platform" ADD VALUE 'zalo_oa';
